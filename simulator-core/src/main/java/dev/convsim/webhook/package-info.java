/**
 * Webhooks as Twilio makes them: the event catalogue, scope configurations, the requests endpoints see, the
 * {@link dev.convsim.webhook.WebhookEndpoint} SPI and the recorded deliveries.
 */
package dev.convsim.webhook;
