package dev.tether.identity;

import dev.tether.security.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Whether a user may still be served: the admission every use case that serves a user asks first. */
@ApplicationScoped
public class UserAccess {

    @Inject
    UserDirectory directory;

    /** True when the directory deprovisioned the user; a user it never named keeps access. */
    @Transactional
    public boolean hasEnded(UserId user) {
        return directory.hasEnded(user);
    }
}
