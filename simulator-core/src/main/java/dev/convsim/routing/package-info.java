/**
 * Routing new conversations: the one-method {@link dev.convsim.routing.Router} SPI and Frontline's built-in modes
 * on {@link dev.convsim.routing.Routers}.
 */
package dev.convsim.routing;
