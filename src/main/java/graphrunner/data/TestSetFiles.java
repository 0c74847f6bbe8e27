package graphrunner.data;

import java.nio.file.Path;

/** The located test pair of a data set, for what needs no training set ({@code predict}). */
public record TestSetFiles(Path images, Path labels) {}
