// The tag sets every archive has from the start (DESIGN.md: ratings, archive warnings, categories).

export const RATINGS = ['Not Rated', 'General Audiences', 'Teen And Up Audiences', 'Mature', 'Explicit'] as const;
export const WARNINGS = [
  'Creator Chose Not To Use Archive Warnings', 'No Archive Warnings Apply', 'Graphic Depictions Of Violence',
  'Major Character Death', 'Rape/Non-Con', 'Underage Sex',
] as const;
export const CATEGORIES = ['Gen', 'F/M', 'M/M', 'F/F', 'Multi', 'Other'] as const;

/** Ratings behind which a reader first sees the adult-content notice. */
export const ADULT_RATINGS: readonly string[] = ['Not Rated', 'Mature', 'Explicit'];

/** The short symbol classes AO3 uses for ratings in listings (rating-explicit, ...). */
export const RATING_SYMBOL: Record<string, string> = {
  'Not Rated': 'rating-notrated',
  'General Audiences': 'rating-general-audience',
  'Teen And Up Audiences': 'rating-teen',
  Mature: 'rating-mature',
  Explicit: 'rating-explicit',
};
