/** Readers of the ExpressPlay contract fixtures that the simulator's tests and Tether's share. */
package dev.contract;
