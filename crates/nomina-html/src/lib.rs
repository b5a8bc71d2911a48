//! Scraped HTML pages to text (being written).
