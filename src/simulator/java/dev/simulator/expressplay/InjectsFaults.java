package dev.simulator.expressplay;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks a simulated ExpressPlay endpoint whose calls are counted and may be hit by injected faults. */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface InjectsFaults {

    SimulatedEndpoint value();
}
