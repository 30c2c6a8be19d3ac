package dev.convsim.rest;

/**
 * What a Conversations v1 REST request answered: the HTTP status and the JSON body ({@code ""} for 204).
 *
 * @param body Twilio-shaped JSON: a resource, a list page, or an error {@code {code, message, more_info, status}}
 */
public record RestResponse(int status, String body) {
}
