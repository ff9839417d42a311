// The command-line front end: parses arguments with CLI11, runs the chosen command and turns
// every error into a message on stderr and exit code 2.
#pragma once

namespace aaiscan {

int run_cli(int argc, char** argv);

}  // namespace aaiscan
