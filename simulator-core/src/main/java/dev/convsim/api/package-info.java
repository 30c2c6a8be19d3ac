/**
 * The typed Conversations v1 API ({@link dev.convsim.api.ConversationsApi}), its requests in Twilio's form
 * parameter names, and {@link dev.convsim.api.TwilioApiException}.
 */
package dev.convsim.api;
