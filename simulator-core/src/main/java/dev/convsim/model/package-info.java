/**
 * Immutable snapshots of Twilio Conversations resources and the values they are made of: addresses, SIDs, states.
 * Field names follow Twilio's resources; every snapshot is a record.
 */
package dev.convsim.model;
