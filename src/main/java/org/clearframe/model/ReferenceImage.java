package org.clearframe.model;

/** A shot's reference image, as stored in the production file: its media type and bytes. */
public record ReferenceImage(String mediaType, byte[] bytes) {}
