/** Architecture tests: the layering rules and the wall between Tether and its simulator. */
package dev.tether.architecture;
