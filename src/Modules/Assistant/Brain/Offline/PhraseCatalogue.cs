namespace CreatorOS.Modules.Assistant.Brain.Offline;

/// <summary>
/// Everything the offline brain says, keyed, with {variables}. A key may have several wordings:
/// one is picked by a stable hash (see <see cref="Phrasebook"/>), never at random.
/// </summary>
internal static class PhraseCatalogue
{
    public static readonly IReadOnlyDictionary<string, string[]> Templates = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        // Greetings and occasions
        ["greeting.hi"] = ["Hi {name}! 👋", "Hey {name}! 👋"],
        ["greeting.hi_anonymous"] = ["Hi! 👋", "Hey there! 👋"],
        ["greeting.welcome"] = ["Hey {name}! 👋 I'm Avery, your setup assistant."],
        ["greeting.welcome_back_complete"] = ["Welcome back, {name}! 👋"],
        ["greeting.resume"] = ["Welcome back{comma_name}! We were on {phase}."],
        ["greeting.long_absence"] = ["Hey{comma_name}! It's been a while. Your store still has {subscribers} and {blogs}. Want to pick up where we left off?"],
        ["greeting.long_absence_complete"] = ["Hey{comma_name}! It's been a while. Your store still has {subscribers} and {blogs}. Want to see what we could do next?"],
        ["greeting.later"] = ["No problem — I'm here whenever you're ready. Just click my icon."],
        ["thanks"] = ["You're welcome!", "Any time!"],

        // Phase descriptions (Resume)
        ["phase.discovery"] = ["getting to know you"],
        ["phase.social_connect"] = ["connecting your socials"],
        ["phase.content_import"] = ["your first blogs"],
        ["phase.profile_setup"] = ["your bio and photo"],
        ["phase.pricing"] = ["setting your price"],
        ["phase.launch"] = ["sharing your store"],
        ["phase.next_steps"] = ["your next steps"],
        ["phase.complete"] = ["your store"],

        // Discovery
        ["discovery.ask_name"] = ["Hey! 👋 I'm Avery, your setup assistant. First — what should I call you?"],
        ["discovery.reask_name"] = ["What should I call you? Just your first name is perfect."],
        ["discovery.name_rejected"] = ["Hmm, I'm not sure that's a name. What should I call you? Just your first name is perfect."],
        ["discovery.name_needed"] = ["I need a name to put on your store — what should I call you?"],
        ["discovery.ask_niche"] = ["Great, {name}! What kind of coaching do you do?"],
        ["discovery.reask_niche"] = ["What kind of coaching do you do, {name}? Pick the closest one or tell me in a few words."],
        ["discovery.niche_unclear"] = ["I didn't quite catch your area — pick the closest one below, or tell me in a few words (like “I teach yoga”)."],
        ["discovery.niche_needed"] = ["Pick the closest one — you can change it later."],
        ["discovery.ask_specialty"] = ["Nice! What's your specialty within {niche}?"],
        ["discovery.specialty_example"] = ["Great — what is it? A word or two is enough, like “{example}”."],
        ["discovery.niche_set"] = ["Love it — {niche} it is! I've given your store the {template} look to start with."],
        ["discovery.niche_and_specialty_set"] = ["Love it — {specialty}! I've set you up as a {niche} coach and given your store the {template} look."],
        ["discovery.specialty_set"] = ["Got it — {specialty}."],
        ["discovery.specialty_skipped"] = ["No problem, we can add that later."],
        ["name.changed"] = ["Got it — I'll call you {name}."],

        // Social connect
        ["social.ask"] = ["Let's bring in your best content. Connect a social account and I'll turn your top posts into blogs — or skip and I'll write some for you."],
        ["social.which"] = ["Which one would you like to connect?"],
        ["social.authorize"] = ["Tap below to connect {platform} — it opens in a new window, and I'll carry on as soon as you're back."],
        ["social.not_available"] = ["Connecting {platform} isn't switched on on this server, so I can't do it right now. No problem — I can write starter blogs for your niche instead."],
        ["social.already_connected"] = ["{platform} is already connected."],
        ["social.ask_drafts"] = ["Want me to turn your {count} best posts into blog drafts? You'll see them here first and publish with one tap."],
        ["social.drafted_one"] = ["I turned your top post into a draft: {titles}."],
        ["social.drafted_many"] = ["I turned your top {count} posts into drafts: {titles}."],
        ["social.drafts_waiting"] = ["Your drafts from your posts are ready: {titles}. Publish them to your store?"],
        ["social.published"] = ["Published! {titles} {verb} live on your store."],
        ["social.oauth_failed"] = ["Connection didn't go through. Try again or skip?"],
        ["social.connected"] = ["{platform} connected! 🎉"],
        ["social.unsupported"] = ["I can connect Instagram, TikTok or YouTube for now."],
        ["social.top_posts"] = ["Your top posts right now: {posts}."],
        ["social.no_posts"] = ["I couldn't find any posts yet — connect Instagram, TikTok or YouTube first."],

        // Content import and blogs
        ["content.ask"] = ["Want me to write 3 starter blogs about {topic}?"],
        ["content.ask_more"] = ["You have {published} published so far — want me to write {missing} more about {topic}?"],
        ["content.written_one"] = ["Done! I wrote and published “{title}”."],
        ["content.written_many"] = ["Done! I wrote and published {count} blogs: {titles}."],
        ["blog.ask_topic"] = ["Sure! What should the blog be about?"],
        ["delete.confirm"] = ["Delete “{title}”? This can't be undone."],
        ["delete.none"] = ["You don't have any blogs to delete yet."],
        ["delete.done"] = ["Deleted “{title}”."],
        ["delete.kept"] = ["Okay, I'll keep it."],

        // Profile
        ["profile.bio_intro"] = ["Here's a bio I wrote for you — happy with it?"],
        ["profile.bio_toned"] = ["Done — I rewrote your bio in a more {tone} tone. Better?"],
        ["profile.bio_set"] = ["Done — your new bio is on your store."],
        ["profile.bio_ok"] = ["Great, it's on your store."],
        ["profile.bio_no"] = ["No problem — want it more casual or more professional? Or type your own bio (start with “Bio:”) and I'll use that."],
        ["profile.offer_bio"] = ["Shall I write a short bio for your store?"],
        ["profile.ask_photo"] = ["Now let's add a photo — a friendly face makes your store feel personal."],
        ["profile.photo_done"] = ["Looking good! Your photo is on your store now. 📸"],
        ["upload.prompt"] = ["Choose a photo from your device — I'll add it as soon as it's uploaded."],
        ["upload.failed"] = ["The photo didn't come through. Want to try again?"],

        // Pricing
        ["pricing.ask_with_data"] = ["Coaches in {niche} on CreatorOS charge {min}–{max} a month, {avg} on average. What would you like to charge?"],
        ["pricing.ask_no_data"] = ["There's no pricing data for {niche} coaches on CreatorOS yet — a good place to start is {low}–{high} a month. What would you like to charge?"],
        ["pricing.ask_plain"] = ["What would you like to charge per month? Pick one below or type any amount."],
        ["pricing.range"] = ["Coaches in {niche} on CreatorOS charge {min}–{max} a month, {avg} on average."],
        ["pricing.no_data"] = ["There's no pricing data for {niche} coaches on CreatorOS yet — most start somewhere around {low}–{high} a month."],
        ["pricing.change_hint"] = ["Want to change yours? Just tell me the new monthly amount."],
        ["pricing.done"] = ["Done! Your price is {price}."],
        ["pricing.ask_amount"] = ["Sure — what monthly price would you like? For example “{example}”."],
        ["competitor.redirect"] = ["I'm not sure about {competitor}, but here's what CreatorOS coaches charge:"],

        // Templates
        ["template.ack"] = ["Done! Switched to {template}. Better?"],
        ["template.offer"] = ["Here are the looks for {niche} stores — pick one and your preview updates straight away:"],
        ["template.ok"] = ["Great choice!"],

        // Launch
        ["launch.ask"] = ["Your store is ready to share! 🚀 Here's a post for {platform} you can use:"],
        ["launch.offer"] = ["Your store is ready to share! 🚀 Want me to write a post you can use?"],
        ["launch.shared"] = ["Amazing — your store is officially out there! 🙌"],
        ["launch.copied"] = ["Copied! Paste it wherever your people hang out, then let me know once it's posted."],
        ["launch.yes"] = ["Great! Once it's posted, tap “I've shared it ✅” and I'll tick it off."],
        ["launch.no"] = ["No problem — want to skip sharing for now, or shall I write a different post?"],
        ["share.ready"] = ["Here's a post for {platform}:"],

        // Next steps
        ["next.ask"] = ["Last step! What would you like to do next?"],
        ["next.live_booked"] = ["Booked! “{title}” is on {when} (UTC), and it's on your store now."],
        ["next.time_passed"] = ["That time has already passed — when should it be instead? For example “Friday at 7pm”."],
        ["payments.not_available"] = ["Payments can't be connected on this server yet. {next}"],
        ["payments.next"] = ["{next}"],

        // Complete
        ["complete.celebrate"] = ["🎉 You did it, {name}! Your store is live and looking amazing.\n\nI'm always here — just click my icon. I can write blogs, help plan live sessions, and give you growth tips.\n\nTalk soon! 💪"],
        ["complete.menu"] = ["What can I help with, {name}? I can write a blog, check how your store is doing, plan a live session, or tweak your price or look.", "Anything I can do for you, {name}? Blogs, live sessions, your price or your store's look — just ask."],
        ["complete.no"] = ["No problem — I'm here whenever you need me."],
        ["complete.all_set"] = ["Great — I'm here whenever you need me. 💪"],

        // Analytics and advice
        ["analytics.summary"] = ["Here's how you're doing: {subscribers}, {blogs}, {revenue} a month and {live}. Launch checklist: {done}/5 done."],
        ["advice.payments"] = ["Connect payments — you have subscribers, so that's the next thing to sort."],
        ["advice.blogs"] = ["Publish another blog — you have {count} so far, and fresh posts give people a reason to come back."],
        ["advice.live"] = ["Schedule a live session — it gives your subscribers something to show up for."],
        ["advice.share"] = ["Share your store link again — new people find you every time you post it."],
        ["advice.intro"] = ["Here's what I'd do next: {tip}"],

        // Understanding problems
        ["unknown"] = ["Sorry, I didn't quite get that.", "Hmm, I'm not sure I followed."],
        ["loop"] = ["Hmm, let me try a different approach. Want to skip this step?"],
        ["loop.complete"] = ["Hmm, let me try a different approach. Here's what I can do for you:"],
        ["confused"] = ["No worries — let's keep it simple."],
        ["simple.discovery_name"] = ["Just type your first name."],
        ["simple.discovery_niche"] = ["Just tap the one closest to what you do."],
        ["simple.discovery_specialty"] = ["Tell me what you focus on in a word or two — or skip it."],
        ["simple.social_connect"] = ["This step is optional. Tap skip and I'll write blogs for you instead."],
        ["simple.content_import"] = ["One tap and I'll write 3 blogs for your store."],
        ["simple.profile_bio"] = ["One tap and I'll write your bio for you."],
        ["simple.profile_photo"] = ["Just add a photo of yourself — or skip it for now."],
        ["simple.pricing"] = ["Just pick a monthly price — you can change it any time."],
        ["simple.launch"] = ["Share your store link anywhere, then tap the button below."],
        ["simple.next_steps"] = ["You're basically done! Tap “I'm all set” to finish."],
        ["simple.complete"] = ["Just tell me what you'd like — for example “write a blog about sleep”."],
        ["skip.done"] = ["No problem, let's move on."],
        ["skip.nothing"] = ["There's nothing left to skip — your store is set up!"],

        // Tool refusals: never claim success, say what went wrong, then re-ask.
        ["refused.update_coach_profile"] = ["Hmm, I couldn't update your profile — {problem}"],
        ["refused.set_subscription_price"] = ["Hmm, I couldn't set that price — {problem}"],
        ["refused.generate_blog_posts"] = ["Blog writing hit a snag — {problem}"],
        ["refused.draft_blogs_from_social"] = ["I couldn't bring in your posts — {problem} I can write blogs for your niche instead."],
        ["refused.get_social_top_posts"] = ["I couldn't read your posts — {problem}"],
        ["refused.apply_store_template"] = ["Hmm, I couldn't switch the look — {problem}"],
        ["refused.schedule_live_session"] = ["Hmm, I couldn't book that session — {problem}"],
        ["refused.delete_blog_post"] = ["Hmm, I couldn't delete that blog — {problem}"],
        ["refused.connect_social_account"] = ["Hmm, I couldn't start the connection — {problem}"],
        ["refused.generic"] = ["Hmm, that didn't work — {problem}"],

        // Feature answers (scenario 5): short, true of this product, then back to the flow.
        ["feature.live_sessions"] = ["Live sessions are times you go live with your subscribers — you pick a title and a time, I put it on your store, and everyone can see what's coming up. Just tell me a day and time whenever you want one."],
        ["feature.payments"] = ["Payments go through Stripe once it's connected. Ask me to “connect payments” any time and I'll tell you where that stands."],
        ["feature.pricing"] = ["Your price is the monthly subscription your members pay. You can change it any time — just tell me the new amount, like “£14.99”."],
        ["feature.subscribers"] = ["Subscribers are people who join your store for your monthly price. Ask me “how am I doing?” any time to see your numbers."],
        ["feature.blogs"] = ["Blogs are posts on your store that show people what you know. I can write one on any topic — just say “write a blog about …”."],
        ["feature.templates"] = ["Your store's look comes from a template matched to your niche. Say “something more minimal” or “try a darker theme” and I'll switch it."],
        ["feature.social"] = ["Connecting Instagram, TikTok or YouTube lets me turn your best posts into blogs. It's optional — I can write niche blogs instead."],
        ["feature.scorecard"] = ["The launch checklist has five items: a photo, your socials, 3 blogs, sharing your store and a live session. I tick them off as we go."],
        ["feature.store"] = ["Your store lives at {url}. Everything we set up here shows up there straight away."],
        ["feature.avery"] = ["I'm Avery — I set up your store with you and stay around afterwards to write blogs, plan live sessions and share tips."],
    };
}
