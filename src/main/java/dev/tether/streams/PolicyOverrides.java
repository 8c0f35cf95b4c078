package dev.tether.streams;

import dev.tether.security.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Admins' policy overrides, and the one rule that picks a user's policy: the most generous of the
 * overrides that apply to the user (their own, and their SSO groups'), the default when none does.
 * So an admin can lower one user's limit below the default, and a group's limit lifts every member
 * above a lower one of their own. On a tie the user's own wins, then the group first by name.
 */
@ApplicationScoped
public class PolicyOverrides {

    @PersistenceContext(unitName = "tether")
    EntityManager em;

    @Inject
    StreamSettings settings;

    public Optional<PolicyOverride> find(String subject) {
        return Optional.ofNullable(em.find(PolicyOverride.class, subject));
    }

    public void add(PolicyOverride override) {
        em.persist(override);
    }

    public void remove(PolicyOverride override) {
        em.remove(override);
    }

    public List<PolicyOverride> all() {
        return em.createQuery("SELECT p FROM PolicyOverride p ORDER BY p.subject", PolicyOverride.class)
                .getResultList();
    }

    public Policy resolve(UserId user, Set<String> groups) {
        Policy defaults = settings.defaults();
        List<String> subjects = new ArrayList<>();
        subjects.add(PolicyOverride.userSubject(user));
        groups.stream().sorted().map(PolicyOverride::groupSubject).forEach(subjects::add);
        List<PolicyOverride> found = em.createQuery(
                        "SELECT p FROM PolicyOverride p WHERE p.subject IN :subjects", PolicyOverride.class)
                .setParameter("subjects", subjects)
                .getResultList();
        return choose(defaults, found);
    }

    /** The pure rule: the most generous override, the user's own first on a tie; else the defaults. */
    static Policy choose(Policy defaults, List<PolicyOverride> overrides) {
        return overrides.stream()
                .sorted(Comparator.comparing((PolicyOverride o) -> !o.isUser()).thenComparing(PolicyOverride::subject))
                .map(o -> o.over(defaults))
                .reduce(Policy::orMoreGenerous)
                .orElse(defaults);
    }
}
