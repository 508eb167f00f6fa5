"""A package whose fastmath module is compiled by staticpyc at build time."""
