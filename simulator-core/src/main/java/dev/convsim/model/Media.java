package dev.convsim.model;

/** One media item of a message: {@code {sid, content_type, filename, size}}. */
public record Media(String sid, String contentType, String filename, long size) {
}
