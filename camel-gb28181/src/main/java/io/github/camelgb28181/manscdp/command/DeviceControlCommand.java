package io.github.camelgb28181.manscdp.command;

/** A {@code <Control>} with CmdType {@code DeviceControl} (GB/T 28181-2016 A.2.3.1): PTZ, TeleBoot, GuardCmd … */
public interface DeviceControlCommand extends ControlCommand {

    @Override
    default String cmdType() {
        return "DeviceControl";
    }
}
