/* ielint's own main under another name, for tests/faultsim.c to call in
 * each child it forks. */
int ielint_main(int argc, char **argv);
#define main ielint_main
#include "ielint.c"
