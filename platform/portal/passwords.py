"""How the platform stores passwords: argon2id at fixed parameters (issue 21, part 3).

Django's default, PBKDF2-SHA256 at 1,000,000 iterations, costs about 0.3 s of CPU per login on
our 2-core servers; under load a chief editor waited 1.6 s to log in. argon2id is memory-hard:
each guess needs the whole memory block, which is what limits cracking on GPUs and ASICs, where
PBKDF2's guesses run in parallel in next to no memory. Django's own argon2 parameters (100 MiB,
p=8) cost nearly as much CPU as PBKDF2 here, so the parameters are set below: twice the memory
of OWASP's argon2id minimum (m=19 MiB, t=2, p=1), at 2 passes, one lane — about 60 ms of CPU
(README, "Passwords"). The algorithm name stays Django's ``argon2``, so a hash made with other
parameters still verifies and is rewritten with these at the next login (``must_update``).
"""

from django.contrib.auth.hashers import Argon2PasswordHasher


class PortalArgon2PasswordHasher(Argon2PasswordHasher):
    """argon2id, 32 MiB, 2 passes, 1 lane: above OWASP's minimum on every parameter."""

    time_cost = 2
    memory_cost = 32 * 1024  # KiB
    parallelism = 1
