/** The lesson, in the project's own words, following the seed's "Virtual Machines vs Containers". */
export function StacksExplain() {
  return (
    <article className="explain" data-testid="stacks.explain">
      <h2>VMs, containers, functions</h2>
      <p>
        Every way of running an app on a shared machine answers the same three questions differently: how much has to start
        before the app can serve, how much memory each copy costs on top of the app, and what a broken-into app can touch.
        Read the layers from the bottom. A <strong>virtual machine</strong> puts a hypervisor on the hardware and gives every
        tenant a whole guest kernel and operating system: strong walls, but each copy boots an OS (tens of seconds) and carries
        it in memory. A <strong>container</strong> is a set of ordinary processes on the one host kernel, fenced by
        namespaces (what it can see) and cgroups (what it can use): it starts in about the time it takes to start a process
        plus the runtime's bookkeeping, and costs almost nothing beyond the app — but every container trusts the same kernel,
        so a kernel bug is a way out for all of them. A <strong>microVM</strong> (Firecracker) is the compromise the function
        platforms chose: a VM with a tiny kernel and a handful of devices, booting in about a hundred milliseconds.
      </p>
      <p>
        That is <strong>multi-tenancy</strong>: strangers' code on one machine. Launch 40 instances and watch the host: with
        VMs the guest OSes fill the memory long before the apps do, so fewer fit; with containers nearly all of it goes to
        the apps. The dashed box is the isolation boundary; the list under it is what an attacker inside it can reach.
      </p>
      <p>
        A <strong>function</strong> goes one step further: you hand over code, not a machine. The platform starts an
        instance when a request arrives (a cold start), keeps it warm for the next ones, and stops it when the traffic
        goes quiet — scale to zero, pay nothing. Bursty or idle traffic is where that wins over a VM rented around the
        clock; steady traffic is where the always-on VM is cheaper.
      </p>
      <p>
        The strip at the top is the history the tutorial sums up: the world has moved on from hardware → co-location →
        virtualization (a rented VM) → container → function. Each step hands one more layer to someone else, so that you can
        focus on your business logic. And the tutorial's arithmetic says why that is usually right: at $0.154 an hour for a
        machine and $50 an hour for an engineer, each hour of developer time wasted could have rented about 300 machines for
        an hour; a 40-hour week of a rented machine costs about $6.
      </p>
      <p>
        The <strong>Real run</strong> tab measures what this computer can start: a function call, a thread with a fresh
        JavaScript engine, an OS process, a whole runtime — from nanoseconds to tens of milliseconds — beside the documented
        boot times of a microVM, a container and a VM.
      </p>
    </article>
  );
}
