/**
 * Routing examples: Java ports of the behaviour (never the code) of real Frontline integration services, as
 * in-process endpoints that act only through the public API. {@link dev.convsim.examples.routing.FrontlineDemoService}
 * is Twilio's demo (map-then-random routing, conversation naming, customer enrichment, proxy addresses);
 * {@link dev.convsim.examples.routing.ProxyNumberOwnerRouting} routes by the Twilio number's owner with a default
 * worker (the Salesforce quickstart); {@link dev.convsim.examples.routing.AvailableOwnerRouting} routes to an
 * available owner with a 422 fallback (nucleus-engine).
 */
package dev.convsim.examples.routing;
