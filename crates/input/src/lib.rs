//! dyad-input owns reading: files, directories, WARC, JSON Lines and stdin
//! become a stream of `RawDoc`s in input order, and `decode` turns bytes
//! into text by declared or detected charset.
