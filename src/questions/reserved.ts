/** The id of the quiz the game draws across all banks; no bank file may take it. */
export const MIXED_ID = 'mixed'
