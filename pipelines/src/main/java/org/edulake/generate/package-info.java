/**
 * Deterministic synthetic inbox for demos, tests and benchmarks (SPEC §6, issue 3).
 *
 * <p>{@link org.edulake.generate.DemoDataGenerator#generate} writes
 * {@code <out>/<window>/<inbox_folder>/<file>}: {@code schools/schools_<RR>.csv} (one registry per
 * region and window), and per district {@code <RRDD>} and window
 * {@code staff/staff_<RRDD>.csv} (the full roster of the district's schools) and the logs
 * {@code pd_courses}, {@code competitions}, {@code method_events}, {@code event_participants},
 * {@code help_requests} ({@code <source>_<RRDD>.csv}, records dated in the months since the
 * previous window; the first window also brings the preceding 12 months, 36 for PD). Headers,
 * vocabulary spellings and defect rules come from the contracts in {@code schemas/}; priors are
 * named constants in each generator and cite {@code shared/research/domain-facts.md}.
 */
package org.edulake.generate;
