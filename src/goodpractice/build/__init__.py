"""Build steps around MkDocs: stage and swap the site, then exports, PDFs and the search index."""
