package io.poolforge.azure;

/** What "upload Batch service logs" answered: the folder in the container and how many files went there. */
public record LogUpload(String virtualDirectoryName, int numberOfFilesUploaded) {
}
