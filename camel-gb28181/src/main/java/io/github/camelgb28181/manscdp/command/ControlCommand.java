package io.github.camelgb28181.manscdp.command;

/** A {@code <Control>} (GB/T 28181-2016 A.2.3), whatever its CmdType. */
public interface ControlCommand extends ManscdpCommand {

    @Override
    default Root root() {
        return Root.CONTROL;
    }
}
