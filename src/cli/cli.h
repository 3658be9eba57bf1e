// The `ckyc` command line. Thin: parses arguments, calls app/, formats output.
//
// Exit codes: 0 success; 1 a failure of the system (I/O, corrupt store); 2 bad input (usage,
// unknown name, malformed value). Errors are one line on stderr: "ckyc: <message>".
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace ckyc::cli {

// Runs `ckyc` with `args` (without the program name). In-process so tests can drive it.
int RunCli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace ckyc::cli
