//! dyad-nlp owns language identification, sentence splitting,
//! tokenization and stemming for Russian, Bulgarian, Ukrainian and English.
