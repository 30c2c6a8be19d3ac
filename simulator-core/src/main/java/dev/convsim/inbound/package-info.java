/** Inbound messages and their outcomes: {@link dev.convsim.inbound.InboundOutcome} explains every decision. */
package dev.convsim.inbound;
