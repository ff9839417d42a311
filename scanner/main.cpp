// aaiscan entry point: everything lives in aaiscan_core; see cli/cli.cpp.
#include "cli/cli.h"

int main(int argc, char** argv) { return aaiscan::run_cli(argc, argv); }
