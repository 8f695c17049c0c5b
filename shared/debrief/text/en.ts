/**
 * The debrief cards' words (English): `<id>-title`, one `<id>-<sentence>` per sentence a rule can
 * say (cards.ts), and `<id>-q`, the question for the class. The client merges these under `card.`;
 * the simulator fills them for `--debrief`.
 */
export const cardsEn: Record<string, string> = {
  "spike-title": "The spike",
  "spike-ready": "When the spike hit at {{at}} you could already serve {{capacity}} requests a minute; demand peaked at {{peak}}.",
  "spike-reacted": "When the spike hit at {{at}} you could serve {{capacity}} requests a minute and demand rose to {{peak}}: your first new capacity came {{reaction}} min after it began.",
  "spike-at-once": "When the spike hit at {{at}} you could serve {{capacity}} requests a minute and demand rose to {{peak}}: you added capacity in the very minute it began.",
  "spike-none": "When the spike hit at {{at}} you could serve {{capacity}} requests a minute and demand rose to {{peak}}: you added no capacity after it began.",
  "spike-ahead": "You had added {{ahead}} requests a minute of that capacity in the forecast window, before it came.",
  "spike-served": "You served {{availability}} of the spike's requests; the worst minute ({{worstAt}}) turned {{worst}} away.",
  "spike-all": "You served every one of the spike's requests.",
  "spike-q": "When did you know how big the spike would be, and what could you still change by then?",

  "what-if-title": "What if",
  "what-if-intro-start": "Had {{bot}} run your datacenter from the start ({{at}}),",
  "what-if-intro": "Had {{bot}} taken over your datacenter at {{at}}, after your own moves until then,",
  "what-if-served-more": "it would have served {{served}} more {{served|request|requests}} ({{availability}} of all, against your {{actualAvailability}})",
  "what-if-served-fewer": "it would have served {{served}} fewer {{served|request|requests}} ({{availability}} of all, against your {{actualAvailability}})",
  "what-if-served-same": "it would have served just as many requests",
  "what-if-score-better": "and ended with {{score}} instead of your {{actualScore}}: {{delta}} more.",
  "what-if-score-worse": "and ended with {{score}} instead of your {{actualScore}}, {{delta}} less: your own play scored better.",
  "what-if-score-same": "and ended with the same score as you.",
  "what-if-q": "What did the strategy do differently from that minute on, and could you have done it too?",

  "db-bottleneck-title": "The database was the bottleneck",
  "db-bottleneck-body": "For {{minutes}} {{minutes|minute|minutes}} your database was up but could not answer every query: {{lost}} requests to {{apps}} were turned away that your front end had room for. More front-end servers could not help; a bigger database could (a process restarts for 2 minutes to resize, a container resizes live).",
  "db-bottleneck-q": "Why did more web servers not help here? What would you scale, and when?",

  "leak-title": "A leak spreads as far as its walls",
  "leak-shared": "{{leaks}} memory {{leaks|leak|leaks}} hit {{targets}} of your instances and took {{collateral}} other {{collateral|instance|instances}} down with them, for up to {{outage}} min: a leak with no wall around it thrashes everything on its OS or container host until it reboots.",
  "leak-contained": "{{leaks}} memory {{leaks|leak|leaks}} hit {{targets}} of your instances and nothing beside them: each was alone on its OS or in a container with a memory limit, so it restarted on its own within {{outage}} min.",
  "leak-q": "What walls could you put around an app that might leak, and what does each wall cost?",

  "kernel-title": "Containers share the host's kernel",
  "kernel-body": "The kernel exploit at {{at}} came in through an internet-facing app and compromised {{kernels}} of your Linux kernels, every one running that app, whether a bare OS, a container host or a VM; {{hit}} {{hit|instance|instances}} on them went down while they were patched.",
  "kernel-breach": "Payment data sat on a compromised kernel: a {{fine}} breach fine.",
  "kernel-safe": "No payment service was on a compromised kernel, so no card data leaked.",
  "kernel-q": "Which of your apps shared a kernel with the app the attack came through? What would have kept payments out of reach?",

  "compliance-title": "Payments on a shared kernel",
  "compliance-body": "{{payments}} {{payments|payment|payments}} ({{share}} of those you served) ran on a kernel shared with other apps, and the card processor's surcharge of 5 cents on each cost you {{fees}}. A payment service on a kernel of its own (its own VM or server) pays none.",
  "compliance-q": "Is a kernel of its own for payments worth a whole VM or server? How would you decide?",

  "hardware-title": "Failing hardware warns first",
  "hardware-warned": "At {{warnedAt}} one of your servers warned of failing hardware, and it died at {{failedAt}}.",
  "hardware-warned-sold": "At {{warnedAt}} one of your servers warned of failing hardware; it never failed while it was yours.",
  "hardware-failed": "At {{failedAt}} one of your servers failed without warning.",
  "hardware-moved": "{{moved}} of the {{vms}} {{vms|VM|VMs}} on it {{moved|was|were}} live-migrated off in time.",
  "hardware-moved-ha": "With the HA suite, {{moved}} of the {{vms}} {{vms|VM|VMs}} on it {{moved|was|were}} live-migrated off automatically.",
  "hardware-moved-all": "Every VM on it ({{vms}}) was live-migrated off in time.",
  "hardware-moved-none": "No VM on it was live-migrated off in time ({{vms}} {{vms|was|were}} on it).",
  "hardware-moved-ha-all": "With the HA suite, every VM on it ({{vms}}) was live-migrated off automatically.",
  "hardware-moved-ha-none": "Even with the HA suite, no VM on it was live-migrated off in time ({{vms}} {{vms|was|were}} on it).",
  "hardware-stuck": "The {{vms}} {{vms|VM|VMs}} on it could not be live-migrated: only type-1 hosts can move a running VM.",
  "hardware-lost-instances": "{{lost}} {{lost|instance|instances}} on it went down with it, for an hour of repairs.",
  "hardware-lost-vms": "{{lostVms}} {{lostVms|VM|VMs}} still on it went down with it, with everything in {{lostVms|it|them}}, for an hour of repairs.",
  "hardware-apps": "What died with it ran {{apps}}.",
  "hardware-cleared": "Everything that ran on it when it warned had been moved off before it died.",
  "hardware-nothing": "Nothing was running on it when it died.",
  "hardware-q": "What could you move off a warning server in ten minutes, and what had to die with it?",

  "packing-title": "How tightly you packed",
  "packing-loose": "When you held the most servers ({{at}}) you held {{held}} {{held|server|servers}} ({{heldModels}}, {{heldPrice}} at list price) and used {{used}}. The same instances fit on {{ffd}} ({{ffdModels}}, {{ffdPrice}}) packed first-fit decreasing, and no packing can use fewer than {{bound}}.",
  "packing-tight": "When you held the most servers ({{at}}) you held {{held}} {{held|server|servers}}; your instances sat on {{used}}, no more than first-fit decreasing needs for them ({{ffd}}), and no packing can use fewer than {{bound}}.",
  "packing-dearer": "Fewer servers are not always cheaper: those {{ffd}} would have cost {{ffdPrice}} against your {{heldPrice}}.",
  "packing-empty": "{{empty}} of your servers held nothing at that moment.",
  "packing-q": "What kept you from packing tighter: ports, operating systems, isolation, or room for the spike?",

  "occupancy-title": "Occupancy is not utilization",
  "occupancy-body": "You held {{cores}} cores on average and reserved {{occ}} of them, but only {{util}} did useful work: on average {{idle}} cores sat reserved and idle.",
  "occupancy-q": "Why reserve capacity that does no work? How much of it did you really need, and when?",

  "shared-os-title": "Sharing an operating system",
  "shared-os-shared": "Up to {{apps}} apps shared one operating system in your datacenter: cheap on servers, but a leak or crash in one takes the others with it, and apps wanting the same port or different Java versions cannot share one at all.",
  "shared-os-oneapp": "You ran one app per operating system, on up to {{servers}} servers: safe, as an app's leak or crash takes nothing else down, but only {{util}} of your CPU did useful work.",
  "shared-os-q": "Why did the old era put one app on each server, and what did that cost?",

  "ostax-title": "Every VM carries a whole OS",
  "ostax-body": "Operating systems, hypervisors and container engines held {{cores}} cores on average ({{share}} of your CPU) before any app ran; your VMs' guest OSes alone held {{guest}} (up to {{vms}} {{vms|VM|VMs}} at once).",
  "ostax-q": "What do containers leave out that a VM must carry? When is a guest OS of its own worth it?",

  "hypervisor-type-title": "Type-1 vs type-2 hypervisors",
  "hypervisor-type-type1": "On your type-1 hosts, virtualization took {{t1}} of the VMs' CPU, and each host kept {{t1host}} cores for the hypervisor.",
  "hypervisor-type-type1-idle": "Your type-1 hosts ran no VMs, yet each kept {{t1host}} cores for the hypervisor.",
  "hypervisor-type-type2-idle": "Your type-2 hosts ran no VMs, yet each kept {{t2host}} cores for its host OS and the hypervisor.",
  "hypervisor-type-type2": "On your type-2 hosts it took {{t2}} of the VMs' CPU, and each host kept {{t2host}} cores for its host OS and the hypervisor.",
  "hypervisor-type-no-type2": "A type-2 hypervisor would have taken {{t2min}} to {{t2max}} per VM, on top of a whole host OS whose updates reboot every VM on it.",
  "hypervisor-type-patch": "The host OS patch at {{patchAt}} rebooted {{patched}} of your VMs with their hosts.",
  "hypervisor-type-q": "Why would anyone run a type-2 hypervisor on a server? Where does it belong?",

  "licence-windows-title": "Windows licences",
  "licence-windows-spent": "You ran up to {{oses}} Windows {{oses|OS|OSes}} at once and spent {{spent}} on Windows Server licences: Standard ({{standard}}) covers 2 per server, Datacenter ({{datacenter}}) any number.",
  "licence-windows-none": "You ran up to {{oses}} Windows {{oses|OS|OSes}} at once and bought no Windows Server licence: Standard ({{standard}}) covers 2 per server, Datacenter ({{datacenter}}) any number.",
  "licence-windows-audit": "The licence audit fined you {{fines}} for Windows OSes no licence covered.",
  "licence-windows-q": "How many Windows VMs on one server make Datacenter cheaper than Standard?",

  "licence-hypervisor-title": "Paying for the hypervisor suite",
  "licence-hypervisor-body": "You spent {{spent}} on the HA suite for {{hosts}} type-1 {{hosts|host|hosts}}; the hypervisor itself costs nothing.",
  "licence-hypervisor-used": "When a licensed host warned of failing hardware, the suite moved {{moved}} {{moved|VM|VMs}} off it by itself (each needs room on another host).",
  "licence-hypervisor-unused": "No licensed host warned of failing hardware while you held it, so the suite never had to move a VM.",
  "licence-hypervisor-q": "Was the suite worth its price this round? What would make it worth it?",

  "rent-title": "Renting by the minute",
  "rent-rented": "You rented up to {{peak}} {{peak|machine|machines}} at once, {{minutes}} machine-minutes in all, for {{rent}}: each arrived in about {{arrive}} min and was billed only while you held it.",
  "rent-bought": "You bought {{bought}} {{bought|server|servers}} during the round; each took {{arrive}} min to arrive and drew power from then on, where a rented machine arrives in minutes and is billed only while held.",
  "rent-q": "Which of your machines were worth owning all day, and which only for the spike?",

  "boot-title": "VMs boot in minutes, containers in seconds",
  "boot-containers": "Your {{containers}} {{containers|container|containers}} took {{container}} min on average to start once {{containers|its|their}} host was ready.",
  "boot-vms": "Your {{vms}} {{vms|VM|VMs}} took {{vm}} min on average to boot once {{vms|its|their}} host was ready, before any app could start on {{vms|it|them}}.",
  "boot-q": "If the spike had come ten minutes earlier, which of your moves would still have been in time?",

  "layers-title": "Images are built from shared layers",
  "layers-saved": "Your {{n}} {{n|container was|containers were}} made of {{full}} MB of images, but your hosts pulled only {{pulled}} MB: a layer already on a host is not pulled again, so those containers started sooner.",
  "layers-body": "The hosts of your {{n}} {{n|container|containers}} pulled {{pulled}} MB of image layers; a host that already has an image's base layers pulls only the top ones.",
  "layers-q": "Which of your images shared layers? How would you build images so that a new host starts fast?",

  "resize-title": "Resizing a running app",
  "resize-live": "You resized {{live}} {{live|container|containers}}: a container's CPU limit changes live.",
  "resize-restart": "You resized {{restart}} {{restart|process|processes}}: each restarted for 2 minutes to take its new size.",
  "resize-q": "When is it better to resize an app, and when to run more copies of it?",

  "migration-title": "Pooling: moving VMs between servers",
  "migration-body": "You live-migrated {{n}} {{n|VM|VMs}} between type-1 hosts while they kept serving.",
  "migration-q": "What does live migration let you do with a server that a bare OS cannot?",

  "gpu-title": "A GPU job leaves the CPU idle",
  "gpu-body": "While the training job ran, {{idle}} of your GPU node's CPU was reserved by nothing: the job needs a GPU and one core, and other apps could have used the rest.",
  "gpu-q": "How would you share a GPU node between the job and other apps?",
};

/** The reference strategies a what-if hands a team to, as a class reads them. */
export const strategiesEn: Record<string, string> = {
  "containers-reactive": "reactive containers",
  "containers-autoscale": "containers sized to the forecast",
  "hybrid-isolate-payment": "containers with payments in VMs of their own",
  "vm-preprovision": "VMs sized for the peak all day",
  "vm-consolidate": "consolidated type-1 VMs",
  "vm-type2": "VMs on type-2 hosts",
  "one-app-per-server": "one app per server",
  "shared-os": "apps sharing an OS",
  "bare-metal": "bare metal bought as needed",
  idle: "doing nothing",
  random: "random moves",
};

/** Names the simulator's English text uses (the client has its own, in both languages). */
export const namesEn = {
  app: { web: "Portal", grades: "Grades API", db: "MySQL database", payment: "Payments", enroll: "Course selection", train: "AI training job" },
  model: { small: "Small 1U", large: "Large 2U", gpu: "GPU node" },
} as const;
