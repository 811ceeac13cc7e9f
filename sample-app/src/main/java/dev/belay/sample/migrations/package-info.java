/**
 * The ride log's revisions, oldest first: the first two as {@code belay generate} wrote them, the
 * third generated and then given the moving of GPX tracks into files by hand.
 */
@NullMarked
package dev.belay.sample.migrations;

import org.jspecify.annotations.NullMarked;
