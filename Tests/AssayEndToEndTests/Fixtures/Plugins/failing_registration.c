/* A plugin of the right ABI (passed as -DASSAY_ABI=N) whose registration fails (E505). */
int assay_plugin_abi_version(void) { return ASSAY_ABI; }
int assay_plugin_register(void *registrar) { (void)registrar; return 7; }
