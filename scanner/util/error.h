// The two exception types aaiscan uses, only at its edges (CLI, config, rule loading):
// `Error` is a user-facing problem (bad input, bad rule, unreadable path) and `FatalError` an
// internal failure. The CLI turns both into a message and exit code 2; the scan path never throws.
#pragma once

#include <stdexcept>
#include <string>

namespace aaiscan {

class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class FatalError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

}  // namespace aaiscan
