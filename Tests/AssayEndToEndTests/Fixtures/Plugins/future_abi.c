/* A plugin built for a plugin ABI this Assay does not know (E504): it must not be registered. */
int assay_plugin_abi_version(void) { return 999; }
int assay_plugin_register(void *registrar) { (void)registrar; return 0; }
