/** The journal: one ordered, readable record of every inbound outcome, change, state transition and delivery. */
package dev.convsim.journal;
