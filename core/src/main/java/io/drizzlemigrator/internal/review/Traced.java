package io.drizzlemigrator.internal.review;

import java.util.Map;
import java.util.Set;

/**
 * What one statement did on the scratch database.
 *
 * @param locks   each table with the strongest modes the statement's backend held or asked for on it
 * @param rewrite a table's {@code relfilenode} changed
 * @param error   the scratch database's error when the statement failed there (then locks are what it held when it
 *                failed, or nothing)
 */
public record Traced(Map<String, Set<LockMode>> locks, boolean rewrite, String error) {
}
