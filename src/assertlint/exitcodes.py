from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0  # no findings
    FINDINGS = 1  # findings (or, with --diff, changes that would be made)
    ERROR = 2  # a usage error, or a file, rule or model problem
