/**
 * The students' screens' accessibility and rule texts (page titles, the accessible datacenter
 * view, what is announced, the rules explained where they bite), in both languages. Kept apart
 * from en.ts/zh.ts so each stays small; merged into the same namespace by initI18n.
 */
type Deep<T> = { [K in keyof T]: T[K] extends string ? string : Deep<T[K]> };

export const studentEn = {
  a11y: {
    dismiss: "Dismiss",
    away: "away", members: "Members", joinTeam: "Join {{team}}", askTeam: "Ask to join {{team}}",
    inTeam: "You are in {{team}}. Waiting for the teacher to start the round…",
    running: "running", needsApp: "serves nothing until {{app}} runs", freeOf: "free {{free}}, {{mem}}", hostLayer: "Host layer",
    noLayer: "No host layer yet", busy: "CPU {{pct}} % busy", datacenter: "Your datacenter, as a list",
    treeHelp: "Arrow keys move through servers, host layers, VMs and instances; Enter opens what can be done to one.",
    actionsFor: "What you can do with {{id}}", runsHere: "Running here", nothingHere: "Nothing yet.", onServer: "on {{server}}",
    rulesHere: "Rules that apply here", backToList: "Back to the list",
    racksRole: "racks", racksLabel: "Your racks: {{servers}} servers, {{vms}} VMs, {{instances}} instances. The list below shows the same, to read and act on.",
    vcpuShort: "{{n}} vCPU", figures: "Your figures for the last minute", figuresColumn: "Your figures, demand and team feed",
    catalogueHint: "Drag an item onto a server, or tap it and then tap a server. With the keyboard, press it: the command panel opens with it filled in.",
    panelReady: "{{action}}: choose the rest and press Do it.",
    bandTop: "Forecast band top", unansweredShort: "queries unanswered", app: "App", appsCaption: "Each app in the last minute: requests asked for, what your servers could answer, and what was turned away",
    minuteServed: "{{time}}: {{served}} requests a minute served, none turned away.",
    minuteDropped: "{{time}}: {{served}} requests a minute served, {{dropped}} turned away.",
    ruleRented: "Rented: {{price}} a minute, everything included, while you hold it. Return it (Sell or return) to stop the bill; it is worth nothing at the end, and the cloud takes it back if a minute's rent cannot be paid.",
    ruleFailing: "Its hardware is failing: it dies at {{time}}. Move its VMs away (type-1 hypervisors migrate them live) or rebuild elsewhere.",
    ruleSharedOs: "Every app here shares one OS: its ports (two apps on port 80 cannot both run), its runtime (Java 17 and Java 8 conflict) and its crashes (a memory leak takes all of them down).",
    ruleType2: "Type-2: a whole host OS comes first, each VM loses {{para}}–{{full}} % of its CPU, and the host OS's updates reboot every VM on it.",
    ruleKernel: "Containers here share one Linux kernel: an exploit that reaches one reaches all of them.",
    ruleNoLayer: "Empty: install a host layer (an OS, a hypervisor or a container host) before anything can run here.",
    ruleGuestOs: "Its guest OS ({{os}}) reserves {{cpu}} and {{mem}} before any app runs.",
    ruleNeeds: "{{app}} asks {{dep}} {{n}} times for each request: it serves nothing until {{dep}} runs, and no more than {{dep}} can answer.",
    ruleSingle: "Only one primary per team: make it bigger (Resize) rather than adding more.",
    ruleRuntime: "As a process it needs {{runtime}} on its OS: an app needing another version cannot share that OS (a container brings its own).",
    ruleIsolated: "Where the round demands it, payments must not share a kernel with other apps (each payment on a shared kernel pays a surcharge).",
    failureTitle: "What your users see",
    failureRecovered: "Right now no request is being turned away.",
    title: {
      landing: "Join a class", sessions: "Your past sessions", replay: "Replay", message: "Connecting", closed: "Out of the session",
      lobby: "Lobby {{code}}", briefing: "Briefing {{code}}", play: "Your datacenter {{code}}", debrief: "Debrief {{code}}",
      host: "Teacher {{code}}", "host-over": "Teacher: debrief {{code}}",
    },
  },
};

export const studentZh: Deep<typeof studentEn> = {
  a11y: {
    dismiss: "关闭提示",
    away: "暂时离开", members: "成员", joinTeam: "加入 {{team}}", askTeam: "申请加入 {{team}}",
    inTeam: "你已加入 {{team}}。等待老师开始本轮…",
    running: "运行中", needsApp: "在 {{app}} 运行之前无法提供服务", freeOf: "空闲 {{free}}、{{mem}}", hostLayer: "宿主层",
    noLayer: "还没有宿主层", busy: "CPU 繁忙 {{pct}}%", datacenter: "你的数据中心（列表）",
    treeHelp: "用方向键在服务器、宿主层、虚拟机和实例之间移动；按回车打开可以对它做的操作。",
    actionsFor: "可以对 {{id}} 做的操作", runsHere: "在这里运行的", nothingHere: "还没有。", onServer: "位于 {{server}}",
    rulesHere: "这里适用的规则", backToList: "回到列表",
    racksRole: "机架", racksLabel: "你的机架：{{servers}} 台服务器、{{vms}} 台虚拟机、{{instances}} 个实例。下方列表显示同样的内容，可以阅读和操作。",
    vcpuShort: "{{n}} 个 vCPU", figures: "你上一分钟的数据", figuresColumn: "你的数据、需求和队伍动态",
    catalogueHint: "把条目拖到服务器上，或先点条目再点服务器。用键盘时按下条目：命令面板会打开并填好它。",
    panelReady: "{{action}}：选好其余项后按“执行”。",
    bandTop: "预测区间上限", unansweredShort: "个查询未应答", app: "应用", appsCaption: "上一分钟每个应用的情况：请求量、你的服务器能处理的量、被拒绝的量",
    minuteServed: "{{time}}：每分钟处理 {{served}} 个请求，没有请求被拒绝。",
    minuteDropped: "{{time}}：每分钟处理 {{served}} 个请求，拒绝 {{dropped}} 个。",
    ruleRented: "租用：占用期间每分钟 {{price}}（全包）。归还它（“出售或归还”）即停止计费；回合结束时它不值钱；若某分钟付不出租金，云服务商会收回它。",
    ruleFailing: "它的硬件正在损坏：将在 {{time}} 宕机。把上面的虚拟机迁走（类型一虚拟机管理程序可在线迁移），或在别处重建。",
    ruleSharedOs: "这里的所有应用共用一个操作系统：端口（两个应用不能同时用 80 端口）、运行时（Java 17 与 Java 8 冲突）以及崩溃（一次内存泄漏会让它们全部宕机）。",
    ruleType2: "类型二：要先装一整套宿主操作系统，每台虚拟机损失 {{para}}–{{full}}% 的 CPU，宿主系统更新时会重启其上所有虚拟机。",
    ruleKernel: "这里的容器共用一个 Linux 内核：一个漏洞攻破其中一个，就攻破全部。",
    ruleNoLayer: "空机器：先安装宿主层（操作系统、虚拟机管理程序或容器主机），才能运行任何东西。",
    ruleGuestOs: "它的客户操作系统（{{os}}）在任何应用运行之前就占用 {{cpu}} 和 {{mem}}。",
    ruleNeeds: "{{app}} 每处理一个请求要查询 {{dep}} {{n}} 次：{{dep}} 运行之前它无法提供服务，而且处理量不会超过 {{dep}} 能应答的量。",
    ruleSingle: "每支队伍只能有一个主库：把它变大（调整大小），而不是再加一个。",
    ruleRuntime: "作为进程运行时，它的操作系统上需要 {{runtime}}：需要其他版本的应用不能与它共用这个系统（容器自带运行时）。",
    ruleIsolated: "本轮要求时，支付不能与其他应用共用内核（在共享内核上处理的每笔支付都要额外付费）。",
    failureTitle: "你的用户看到的页面",
    failureRecovered: "此刻没有请求被拒绝。",
    title: {
      landing: "加入课堂", sessions: "你以前的课堂", replay: "回放", message: "正在连接", closed: "已离开课堂",
      lobby: "大厅 {{code}}", briefing: "任务简报 {{code}}", play: "你的数据中心 {{code}}", debrief: "复盘 {{code}}",
      host: "教师 {{code}}", "host-over": "教师：复盘 {{code}}",
    },
  },
};
