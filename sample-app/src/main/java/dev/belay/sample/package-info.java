/**
 * The ride log: a Spring Boot application whose PostgreSQL schema Belay keeps, and its database set-up.
 */
@NullMarked
package dev.belay.sample;

import org.jspecify.annotations.NullMarked;
