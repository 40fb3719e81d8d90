"""The ``thucydides`` command line: thin commands that parse options, call the library and format its output."""
