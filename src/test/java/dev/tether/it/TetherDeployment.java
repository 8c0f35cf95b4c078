package dev.tether.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The WAR that Maven packaged, exactly as it ships: tests see the product, not a hand-picked subset. */
final class TetherDeployment {

    private TetherDeployment() {}

    static WebArchive war() {
        File war = new File(System.getProperty("tether.war", "target/tether.war"));
        if (!war.isFile()) {
            throw new IllegalStateException("Package the WAR first (mvn verify does): " + war);
        }
        return ShrinkWrap.createFromZipFile(WebArchive.class, war);
    }
}
