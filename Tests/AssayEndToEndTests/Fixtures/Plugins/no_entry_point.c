/* A shared library that is not an Assay plugin: it exports neither entry point (E503). */
int answer(void) { return 42; }
