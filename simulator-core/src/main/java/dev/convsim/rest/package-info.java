/**
 * Twilio's wire language for the simulator: {@link dev.convsim.rest.RestDispatcher} answers Conversations v1 REST
 * requests ({@code METHOD /v1/path + form parameters}) with Twilio-shaped JSON, which
 * {@link dev.convsim.rest.TwilioJson} renders from the model records.
 */
package dev.convsim.rest;
