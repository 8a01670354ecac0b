//! dyad-extract owns main-text extraction: from a decoded page (scraped
//! plain text or HTML) to an `Article` with its kept blocks, title and date.
