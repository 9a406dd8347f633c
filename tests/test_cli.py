"""The command-line dispatcher: usage and unknown commands exit with code 1, no traceback."""

from pydafny.cli import main


def test_no_arguments_prints_usage_and_fails(capsys):
    assert main([]) == 1
    assert "usage: pydafny" in capsys.readouterr().out


def test_help_succeeds(capsys):
    assert main(["--help"]) == 0
    assert "verify" in capsys.readouterr().out


def test_unknown_command_is_a_usage_error(capsys):
    assert main(["frobnicate"]) == 1
    assert "unknown command 'frobnicate'" in capsys.readouterr().err


def test_version(capsys):
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.startswith("pydafny ")
