package org.edulake.generate;

/**
 * Size of the generated inbox (SPEC §6, issue 3). Sizes follow domain-facts.md §1.4: about 17–25
 * schools per municipal district, about 25 districts per region, 85 regions.
 */
public enum Scale {
  /** One district: ≈ 25 schools, ≈ 700 persons per window. */
  DISTRICT(1, 1, 25),
  /** One region: ≈ 500 schools in 20 districts, ≈ 15,000 persons per window. */
  REGION(1, 20, 25),
  /** A country: ≈ 40,000 schools in 85 regions × 25 districts, ≈ 1.1 million persons. */
  COUNTRY(85, 25, 17);

  private final int regions;
  private final int districtsPerRegion;
  private final int meanSchoolsPerDistrict;

  Scale(int regions, int districtsPerRegion, int meanSchoolsPerDistrict) {
    this.regions = regions;
    this.districtsPerRegion = districtsPerRegion;
    this.meanSchoolsPerDistrict = meanSchoolsPerDistrict;
  }

  public int regions() {
    return regions;
  }

  public int districtsPerRegion() {
    return districtsPerRegion;
  }

  public int meanSchoolsPerDistrict() {
    return meanSchoolsPerDistrict;
  }

  /** The CLI spelling (district, region, country). */
  public static Scale parse(String text) {
    return valueOf(text.trim().toUpperCase(java.util.Locale.ROOT));
  }
}
