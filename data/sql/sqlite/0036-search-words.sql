-- SPDX-License-Identifier: GPL-3.0-or-later
-- The words of the journal's text index, kept by the server as it
-- indexes an appeal (appeals-appeal-records.c, with the index's own
-- tokenizer: appeals-db-sqlite-words.c), for the search to spell a prefix
-- as the words it begins (appeals-journal-search.c). FTS5's vocabulary
-- (appeals_search_terms, migration 0028) counts each word's list while it
-- reads the word: at 1,000,000 appeals the spelling of "көмек" took
-- 12.6 ms of its search's 15, "иванов" 2.1 ms of 4, "2026" 2.0 of 2.7;
-- a range of this table takes about 0.03 ms. A word no appeal keeps any
-- more stays until the housekeeping forgets it (appeals-search-words.c).
-- About 20 MB at that size;
-- filling it here reads the vocabulary once (1.3 s there).

CREATE TABLE IF NOT EXISTS appeals_search_words (term TEXT PRIMARY KEY) WITHOUT ROWID;
INSERT OR IGNORE INTO appeals_search_words (term) SELECT term FROM appeals_search_terms;
