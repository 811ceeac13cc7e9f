/**
 * Spring Boot glue: the auto-configurations, their properties, and what makes revisions run
 * before anything else touches the database.
 */
@NullMarked
package dev.belay.autoconfigure;

import org.jspecify.annotations.NullMarked;
