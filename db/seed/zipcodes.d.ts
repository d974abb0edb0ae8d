// The parts of the CommonJS `zipcodes` package (v8, no bundled types) that this project uses.
declare module "zipcodes" {
  interface ZipCodeEntry {
    zip: string;
    latitude: number;
    longitude: number;
    city: string;
    state: string;
    country: string;
  }
  const zipcodes: {
    /** Every US and Canadian postal code, keyed by code. Some entries lack coordinates (0 or undefined). */
    codes: Record<string, ZipCodeEntry | undefined>;
  };
  export = zipcodes;
}
