package dev.convsim.model;

/** An account phone number and its "A message comes in" URL ({@code sms_url}; null when unset). */
public record PhoneNumber(Address number, String smsUrl, String smsMethod) {
}
