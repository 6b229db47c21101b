package org.vigie.cli.admin;

import picocli.CommandLine.Command;

/** {@code vigie admin}: associations and volunteers through the intake HTTP API. */
@Command(
    name = "admin",
    mixinStandardHelpOptions = true,
    description = {"Administration : associations et bénévoles. / Administration: associations and volunteers."},
    subcommands = {CreateAssociationCommand.class, CreateVolunteerCommand.class, ListAssociationsCommand.class,
        CloseAssociationCommand.class})
public final class AdminCommand {}
